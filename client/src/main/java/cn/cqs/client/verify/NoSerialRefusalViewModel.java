package cn.cqs.client.verify;

import cn.cqs.client.dialogs.DialogService;
import cn.cqs.client.i18n.Localization;
import cn.cqs.client.qrimage.UnreadableSourceException;
import cn.cqs.client.reports.ProjectChoice;
import cn.cqs.contract.refusals.RefusalRequest;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * 无流水号拒收 (refusing concrete delivered without any serial number or QR code): the form's state.
 * The buyer enters the truck number, the plant's name as the driver gives it, the project (chosen
 * from the projects the user sees, or typed when it is not in the system), the pour location and a
 * reason, and attaches a photo (a file or the camera's current frame). Filing checks every field,
 * names the ones missing, and queues the refusal in the outbox; the server routes it to the
 * regulators of the chosen project's region, or of the filer's region for a typed project.
 */
public final class NoSerialRefusalViewModel {
    private static final Logger LOG = Logger.getLogger(NoSerialRefusalViewModel.class.getName());

    /** Where the visible projects come from (the server's project list); may throw when offline. */
    @FunctionalInterface
    public interface ProjectSource {
        List<ProjectChoice> projects() throws Exception;
    }

    private final StringProperty truckNumber = new SimpleStringProperty("");
    private final StringProperty plantName = new SimpleStringProperty("");
    private final StringProperty projectText = new SimpleStringProperty("");
    private final ObjectProperty<ProjectChoice> project = new SimpleObjectProperty<>();
    private final StringProperty pourLocation = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObservableList<ProjectChoice> projects = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper photoText = new ReadOnlyStringWrapper(Localization.get("verify.noSerial.photoNone"));
    private final ReadOnlyStringWrapper errorText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper closed = new ReadOnlyBooleanWrapper(false);
    private final DialogService dialogs;
    private final DeskRecords records;
    private final Supplier<Optional<BufferedImage>> cameraFrame;
    private final Executor background;
    private final Executor fx;
    private final String place;
    private final Consumer<String> onFiled;
    private byte[] photo;

    /**
     * @param cameraFrame the camera's current frame, empty when none runs
     * @param place       the desk's place, sent with the refusal
     * @param onFiled     told the truck number once the refusal is queued (the desk's status line)
     */
    public NoSerialRefusalViewModel(DialogService dialogs, DeskRecords records, ProjectSource projectSource,
                                    Supplier<Optional<BufferedImage>> cameraFrame, Executor background, Executor fx,
                                    String place, Consumer<String> onFiled) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.records = Objects.requireNonNull(records, "records");
        this.cameraFrame = Objects.requireNonNull(cameraFrame, "cameraFrame");
        this.background = Objects.requireNonNull(background, "background");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.place = place;
        this.onFiled = Objects.requireNonNull(onFiled, "onFiled");
        Objects.requireNonNull(projectSource, "projectSource");
        // a project picked from the list fills the text; typing something else forgets the pick
        project.addListener((obs, old, now) -> {
            if (now != null && !now.name().equals(projectText.get())) {
                projectText.set(now.name());
            }
        });
        projectText.addListener((obs, old, now) -> {
            ProjectChoice p = project.get();
            if (p != null && !p.name().equals(now)) {
                project.set(null);
            }
        });
        background.execute(() -> {
            try {
                List<ProjectChoice> found = new ArrayList<>(projectSource.projects());
                found.sort(java.util.Comparator.comparing(ProjectChoice::name));
                fx.execute(() -> projects.setAll(found));
            } catch (Exception e) {
                // offline or refused: the project is typed as free text, the form stays usable
                LOG.log(Level.INFO, "the visible projects could not be loaded; the project is typed", e);
            }
        });
    }

    /** Attaches a photo file (选择照片文件). */
    public void choosePhotoFile() {
        Optional<Path> file = dialogs.chooseFileToOpen(Localization.get("verify.noSerial.photoFileTitle"),
                Optional.empty(), List.of(new DialogService.FileFilter("PNG / JPEG", List.of("*.png", "*.jpg", "*.jpeg"))));
        file.ifPresent(this::attachPhoto);
    }

    /** Attaches {@code file} as the photo; a file that is no image is refused with the reason. */
    public void attachPhoto(Path file) {
        try {
            photo = ScanImages.photo(file);
            photoText.set(Localization.get("verify.noSerial.photoAttached", file.getFileName().toString()));
            errorText.set("");
        } catch (UnreadableSourceException e) {
            photo = null;
            photoText.set(Localization.get("verify.noSerial.photoNone"));
            errorText.set(Localization.get("verify.noSerial.photoUnreadable", e.getMessage()));
        }
    }

    /** Attaches the camera's current frame (使用当前摄像头画面). */
    public void useCameraFrame() {
        Optional<BufferedImage> frame = cameraFrame.get();
        if (frame.isEmpty()) {
            errorText.set(Localization.get("verify.noSerial.noFrame"));
            return;
        }
        photo = ScanImages.photo(frame.get());
        photoText.set(Localization.get("verify.noSerial.photoAttached",
                Localization.get("verify.noSerial.photoCamera") + " " + frame.get().getWidth() + "×"
                        + frame.get().getHeight()));
        errorText.set("");
    }

    /**
     * Checks the form and queues the refusal. Every missing or too long field is named at once;
     * on success the form closes and the desk says it was filed.
     *
     * @return true when the refusal was queued
     */
    public boolean file() {
        List<String> problems = new ArrayList<>();
        String truck = check(problems, "verify.noSerial.truckNumber", truckNumber.get(), RefusalRequest.MAX_TRUCK_NUMBER);
        String plant = check(problems, "verify.noSerial.plantName", plantName.get(), RefusalRequest.MAX_NAME);
        ProjectChoice chosen = project.get();
        String typedProject = chosen != null ? null
                : check(problems, "verify.noSerial.project", projectText.get(), RefusalRequest.MAX_NAME);
        String pour = check(problems, "verify.noSerial.pourLocation", pourLocation.get(), RefusalRequest.MAX_NAME);
        String why = check(problems, "verify.noSerial.reason", reason.get(), RefusalRequest.MAX_REASON);
        if (photo == null) {
            problems.add(Localization.get("verify.noSerial.photoRequired"));
        }
        if (!problems.isEmpty()) {
            errorText.set(String.join("；", problems));
            return false;
        }
        RefusalRequest request = RefusalRequest.withoutSerial(truck, plant, chosen == null ? null : chosen.id(),
                typedProject, pour, why, DeskRecords.place(place), Base64.getEncoder().encodeToString(photo));
        try {
            records.fileRefusalWithoutSerial(request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "queuing the refusal without a serial number failed", e);
            dialogs.showException(Localization.get("verify.noSerial.title"),
                    Localization.get("verify.refuse.failed", String.valueOf(e.getMessage())), e);
            return false;
        }
        errorText.set("");
        closed.set(true);
        onFiled.accept(truck);
        dialogs.showInformation(Localization.get("verify.noSerial.title"), Localization.get("verify.noSerial.done"));
        return true;
    }

    /** Closes the form without filing. */
    public void cancel() {
        closed.set(true);
    }

    private static String check(List<String> problems, String labelKey, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            problems.add(Localization.get("verify.noSerial.required", Localization.get(labelKey)));
            return null;
        }
        if (v.length() > max) {
            problems.add(Localization.get("verify.noSerial.tooLong", Localization.get(labelKey), max));
            return null;
        }
        return v;
    }

    public StringProperty truckNumberProperty() {
        return truckNumber;
    }

    public StringProperty plantNameProperty() {
        return plantName;
    }

    /** The project as typed (or the chosen project's name). */
    public StringProperty projectTextProperty() {
        return projectText;
    }

    /** The project chosen from the system, or null when typed. */
    public ObjectProperty<ProjectChoice> projectProperty() {
        return project;
    }

    public ObservableList<ProjectChoice> projects() {
        return projects;
    }

    public StringProperty pourLocationProperty() {
        return pourLocation;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty photoTextProperty() {
        return photoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorTextProperty() {
        return errorText.getReadOnlyProperty();
    }

    /** Becomes true when the form is done (filed or cancelled): the view closes its window. */
    public ReadOnlyBooleanProperty closedProperty() {
        return closed.getReadOnlyProperty();
    }

    /** Whether a photo is attached. */
    public boolean hasPhoto() {
        return photo != null;
    }
}
