package cn.cqs.client.batches;

import cn.cqs.client.i18n.Localization;
import cn.cqs.client.sync.OutboxEntry;
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
 * server's field errors from its problem+json, read back from the refused outbox entry), the message
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
                Map<String, String> byField = ServerFieldErrors.parse(refused.message(), fields());
                errors.clear();
                byField.forEach((path, text) -> errors.merge(ServerFieldErrors.root(path), text, (a, b) -> a + "；" + b));
                message.set(Localization.get("plant.form.refused", String.valueOf(refused.message())));
            }
            after.accept(outcome);
        });
    }
}
