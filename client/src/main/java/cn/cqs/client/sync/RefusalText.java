package cn.cqs.client.sync;

import cn.cqs.contract.problem.Problem;
import java.util.stream.Collectors;

/**
 * 拒绝原因: a refused outbox entry's reason as one line of text, for places that show text only (the
 * report list, the upload queue's table cell): the summary the outbox keeps ({@code HTTP 422: ...})
 * followed by the stored problem's field errors ({@code field: message; ...}). Entries refused before
 * the problem was stored carry that whole text in their summary already and are shown as they are.
 */
final class RefusalText {
    private RefusalText() {
    }

    static String of(String summary, Problem problem) {
        if (problem == null || problem.errors().isEmpty()) {
            return summary;
        }
        String fields = problem.errors().stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; "));
        return summary == null || summary.isBlank() ? fields : summary + ": " + fields;
    }
}
