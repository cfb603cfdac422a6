package cn.cqs.client.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

/** Test helper: the column headers under a node whose shown text is cut (elided) from the column's name. */
public final class HeaderTexts {
    private HeaderTexts() {
    }

    /** "shown ≠ name" for every visible leaf column header under {@code root} whose text is cut. */
    public static List<String> cut(Parent root) {
        root.applyCss();
        root.layout();
        List<String> cut = new ArrayList<>();
        for (Node node : root.lookupAll(".column-header")) {
            if (!(node instanceof TableColumnHeader header) || header.getTableColumn() == null
                    || !header.getTableColumn().getColumns().isEmpty() || !header.isVisible()) {
                continue;
            }
            String name = header.getTableColumn().getText();
            if (!(header.lookup(".label") instanceof Label label) || !(label.lookup(".text") instanceof Text shown)) {
                throw new AssertionError("no header label for column " + name);
            }
            if (name != null && !name.equals(shown.getText())) {
                cut.add(shown.getText() + " ≠ " + name);
            }
        }
        return cut;
    }
}
