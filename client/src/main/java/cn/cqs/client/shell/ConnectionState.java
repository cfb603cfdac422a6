package cn.cqs.client.shell;

/** Whether the server answers (连接状态), as shown in the status bar. */
public enum ConnectionState {
    /** not known yet: the first check is running */
    CHECKING,
    /** the server answered the last check */
    ONLINE,
    /** the last check failed: work continues offline and changes wait in the outbox */
    OFFLINE;

    /** The localisation key of the state's name. */
    public String messageKey() {
        return "connection." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
