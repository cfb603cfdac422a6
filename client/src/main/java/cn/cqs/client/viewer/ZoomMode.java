package cn.cqs.client.viewer;

/** How the PDF viewer sizes pages: to the window's width, or at a chosen percentage. */
public enum ZoomMode {
    /** 适合宽度: the page fills the visible width. */
    FIT_WIDTH,
    /** A fixed percentage; 100 % is the page's true size on the screen. */
    PERCENT
}
