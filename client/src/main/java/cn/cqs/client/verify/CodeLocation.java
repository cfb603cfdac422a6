package cn.cqs.client.verify;

/**
 * Where a code sits on a page preview, in the preview image's pixels: the box around its finder
 * patterns, padded so the whole symbol is inside.
 */
public record CodeLocation(String text, double x, double y, double width, double height) {
}
