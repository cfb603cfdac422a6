package cn.cqs.client.dialogs;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A {@link DialogService} for tests: records what would have been shown and answers as told. */
public final class RecordingDialogService implements DialogService {
    /** One dialog that would have been shown. */
    public record Shown(String kind, String title, String message, Throwable exception) {
    }

    private final List<Shown> shown = new ArrayList<>();
    private final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    private final Deque<Optional<Path>> fileAnswers = new ArrayDeque<>();
    private final Deque<Optional<String>> passwordAnswers = new ArrayDeque<>();
    private final Deque<Optional<String>> choiceAnswers = new ArrayDeque<>();
    private final List<List<String>> offeredChoices = new ArrayList<>();
    private final Deque<Optional<String>> textAnswers = new ArrayDeque<>();

    /** The next {@link #askText} returns this (null: cancelled). */
    public RecordingDialogService answerText(String text) {
        textAnswers.add(Optional.ofNullable(text));
        return this;
    }

    @Override
    public Optional<String> askText(String title, String message, int maxLength) {
        shown.add(new Shown("text", title, message, null));
        if (textAnswers.isEmpty()) {
            throw new AssertionError("unexpected text prompt: " + message);
        }
        Optional<String> answer = textAnswers.poll();
        if (answer.isPresent() && answer.get().length() > maxLength) {
            throw new AssertionError("answer longer than the field allows (" + maxLength + ")");
        }
        return answer;
    }

    /** The next {@link #choose} returns this label (null: cancelled); it must be one of the choices offered. */
    public RecordingDialogService answerChoice(String label) {
        choiceAnswers.add(Optional.ofNullable(label));
        return this;
    }

    /** The choices each {@link #choose} offered, in order. */
    public List<List<String>> offeredChoices() {
        return offeredChoices;
    }

    @Override
    public Optional<String> choose(String title, String message, List<String> choices, String initial) {
        shown.add(new Shown("choice", title, message, null));
        offeredChoices.add(List.copyOf(choices));
        if (!choices.contains(initial)) {
            throw new AssertionError("initial choice " + initial + " is not among " + choices);
        }
        if (choiceAnswers.isEmpty()) {
            throw new AssertionError("unexpected choice: " + message);
        }
        Optional<String> answer = choiceAnswers.poll();
        if (answer.isPresent() && !choices.contains(answer.get())) {
            throw new AssertionError("answer " + answer.get() + " is not among " + choices);
        }
        return answer;
    }

    /** The next {@link #askPassword} returns this (null: cancelled). */
    public RecordingDialogService answerPassword(String password) {
        passwordAnswers.add(Optional.ofNullable(password));
        return this;
    }

    @Override
    public Optional<char[]> askPassword(String title, String message) {
        shown.add(new Shown("password", title, message, null));
        if (passwordAnswers.isEmpty()) {
            throw new AssertionError("unexpected password prompt: " + message);
        }
        return passwordAnswers.poll().map(String::toCharArray);
    }

    public List<Shown> shown() {
        return shown;
    }

    /** The next {@link #confirm} returns this. */
    public RecordingDialogService answerConfirm(boolean yes) {
        confirmAnswers.add(yes);
        return this;
    }

    /** The next file chooser returns this. */
    public RecordingDialogService answerFile(Path file) {
        fileAnswers.add(Optional.ofNullable(file));
        return this;
    }

    @Override
    public void showInformation(String title, String message) {
        shown.add(new Shown("information", title, message, null));
    }

    @Override
    public void showWarning(String title, String message) {
        shown.add(new Shown("warning", title, message, null));
    }

    @Override
    public void showError(String title, String message) {
        shown.add(new Shown("error", title, message, null));
    }

    @Override
    public boolean confirm(String title, String question) {
        shown.add(new Shown("confirm", title, question, null));
        if (confirmAnswers.isEmpty()) {
            throw new AssertionError("unexpected confirmation: " + question);
        }
        return confirmAnswers.poll();
    }

    @Override
    public void showException(String title, String message, Throwable exception) {
        shown.add(new Shown("exception", title, message, exception));
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Optional<Path> initialDirectory, List<FileFilter> filters) {
        shown.add(new Shown("open", title, null, null));
        return fileAnswers.isEmpty() ? Optional.empty() : fileAnswers.poll();
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<FileFilter> filters) {
        shown.add(new Shown("save", title, suggestedName, null));
        return fileAnswers.isEmpty() ? Optional.empty() : fileAnswers.poll();
    }
}
