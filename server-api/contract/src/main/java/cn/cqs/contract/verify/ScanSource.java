package cn.cqs.contract.verify;

/** Where the verify desk read the QR code from (扫码来源). */
public enum ScanSource {
    /** 摄像头: a live webcam frame. */
    WEBCAM,
    /** 图片文件: a photo or scan opened from a file. */
    IMAGE_FILE,
    /** PDF: a page of a PDF file. */
    PDF
}
