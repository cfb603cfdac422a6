package cn.cqs.server.app;

import cn.cqs.server.demo.DemoAccounts;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the server from the environment (see {@link ServerConfig#fromEnvironment()}).
 * {@code --demo} seeds demo organisations, users and projects into an empty database.
 */
public final class ServerMain {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    public static void main(String[] args) {
        ServerConfig config = ServerConfig.fromEnvironment();
        if (Arrays.asList(args).contains("--demo")) {
            config = config.withDemo(true);
        }
        CqsServer server = CqsServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cqs-shutdown"));
        LOG.info("Server ready at {} (OpenAPI: {}/openapi.json)", server.baseUrl(), server.baseUrl());
        if (config.demo()) {
            LOG.info("Demo accounts (password {}):", DemoAccounts.PASSWORD);
            for (DemoAccounts.Account a : DemoAccounts.ALL) {
                LOG.info("  {}  {}  {}", a.username(), a.organisation(), a.displayName());
            }
        }
    }
}
