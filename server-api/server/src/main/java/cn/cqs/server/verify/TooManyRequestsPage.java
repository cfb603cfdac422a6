package cn.cqs.server.verify;

/**
 * 请求过于频繁: the small HTML page a phone gets instead of the {@link VerificationPage} (or the PDF)
 * when its address has used up its verification budget ({@link VerifyRateLimits}). Same look as the
 * verification page (inline CSS, no scripts, Chinese first with English), in neutral grey: it says
 * nothing about the code itself, only when to try again.
 */
public final class TooManyRequestsPage {
    private TooManyRequestsPage() {
    }

    /** The page for a wait of {@code retryAfterSeconds} (at least 1). */
    public static String render(long retryAfterSeconds) {
        long seconds = Math.max(1, retryAfterSeconds);
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\">"
                + "<title>请求过于频繁 Too many requests</title><style>"
                + "body{font-family:-apple-system,\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;"
                + "margin:0;background:#f4f5f7;color:#202124;line-height:1.5}"
                + "main{max-width:640px;margin:0 auto;padding:16px}"
                + ".verdict{color:#fff;border-radius:8px;padding:16px;margin-bottom:16px;background:#5f6368}"
                + ".verdict h1{font-size:1.3em;margin:0 0 4px}.verdict p{margin:0;opacity:.92}"
                + ".note{font-size:.85em;color:#5f6368}</style></head><body><main>\n"
                + "<div class=\"verdict\"><h1>请求过于频繁，请 " + seconds + " 秒后再试</h1>"
                + "<p>Too many requests from this network; please try again in " + seconds + " s.</p></div>\n"
                + "<p class=\"note\">这不是核验结果：二维码本身未被检查。稍后刷新本页即可看到核验结果。"
                + "This is not a verdict: the code has not been checked yet. Reload this page later to see it.</p>\n"
                + "</main></body></html>\n";
    }
}
