package cn.cqs.client.sync;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on the local database's connection, run by {@link LocalStore}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
