package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.sync.OutboxEntry;
import cn.cqs.contract.problem.Problem;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * What every plant office form shares: the errors by field (the form's own checks, then the
 * server's field errors from its problem document, which the refused outbox entry keeps), the message
 * line, the busy flag, and sending a registration through the outbox and waiting a moment for the
 * answer: delivered, refused (errors at the fields) or saved and waiting to be uploaded (offline).
 */
public abstract class PlantForm {
    private static final Logger LOG = Logger.getLogger(PlantForm.class.getName());

    protected final PlantEnvironment env;
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);

    protected PlantForm(PlantEnvironment env) {
        this.env = env;
    }

    /** The form's field names (the request record's components the server names in its errors). */
    protected abstract Set<String> fields();

    /** The error shown under {@code field} ("" when none). */
    public StringBinding errorProperty(String field) {
        return Bindings.createStringBinding(() -> errors.getOrDefault(field, ""), errors);
    }

    /** Every error by field. */
    public ObservableMap<String, String> errors() {
        return errors;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    protected void setMessage(String text) {
        message.set(text);
    }

    /** Shows {@code found} (field → localised message); true when there were none. */
    protected boolean showLocalErrors(Map<String, String> found) {
        errors.clear();
        errors.putAll(found);
        if (!found.isEmpty()) {
            message.set(Localization.get("plant.form.fix", found.size()));
        }
        return found.isEmpty();
    }

    /**
     * Shows the server's refusal: each field error of its problem document under the form field its
     * path starts with ({@code quantities[2].kgPerM3} under {@code quantities}; several under one field
     * joined), and the summary in the message line, followed by the errors naming no field of this form.
     */
    void showRefusal(SendOutcome.Refused refused) {
        errors.clear();
        StringBuilder elsewhere = new StringBuilder();
        for (Problem.FieldError e : refused.fieldErrors()) {
            String field = e.field() == null ? "" : root(e.field());
            String text = PlantErrorTexts.message(e);
            if (fields().contains(field)) {
                errors.merge(field, text, (a, b) -> a + "；" + b);
            } else {
                elsewhere.append(elsewhere.length() == 0 ? "" : "；").append(e.field()).append(": ").append(text);
            }
        }
        String summary = String.valueOf(refused.message());
        message.set(Localization.get("plant.form.refused",
                elsewhere.length() == 0 ? summary : summary + "（" + elsewhere + "）"));
    }

    /** The first segment of a field path: {@code quantities[2].kgPerM3} → {@code quantities}. */
    static String root(String path) {
        int cut = path.length();
        for (char c : new char[] {'.', '['}) {
            int at = path.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return path.substring(0, cut);
    }

    /**
     * Queues a registration ({@code enqueue} runs in the background), asks the drainer to send it,
     * waits up to the environment's send wait for the answer and reports it: {@code delivered} with
     * the receipt, or the refusal at the fields, or "saved, waiting to be uploaded".
     */
    protected void send(Callable<OutboxEntry> enqueue, Consumer<SendOutcome> after) {
        busy.set(true);
        message.set(Localization.get("plant.form.sending"));
        env.run(() -> {
            OutboxEntry entry = enqueue.call();
            env.drainNow().run();
            SendOutcome outcome = env.registrar().await(entry.id(), env.sendWait());
            if (outcome instanceof SendOutcome.Refused) {
                env.registrar().dismiss(entry.id());
            }
            return outcome;
        }, (outcome, failure) -> {
            busy.set(false);
            if (failure != null) {
                LOG.log(Level.WARNING, "saving a plant registration failed", failure);
                message.set(Localization.get("plant.form.failed", String.valueOf(failure.getMessage())));
                return;
            }
            if (outcome instanceof SendOutcome.Delivered) {
                errors.clear();
                message.set(Localization.get("plant.form.delivered"));
            } else if (outcome instanceof SendOutcome.Waiting) {
                errors.clear();
                message.set(Localization.get("plant.form.queued"));
            } else if (outcome instanceof SendOutcome.Refused refused) {
                showRefusal(refused);
            }
            after.accept(outcome);
        });
    }
}
