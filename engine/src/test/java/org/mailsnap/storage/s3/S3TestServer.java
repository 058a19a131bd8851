package org.mailsnap.storage.s3;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.Map;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real S3 server for tests: s3proxy over jclouds' in-memory ("transient") blob store, on a free loopback port,
 * with AWS signature v4 and a test key pair. {@link #start()} fails loudly when the server cannot start: a test that
 * needs S3 must fail, never skip, when it has none.
 */
public final class S3TestServer implements AutoCloseable {
    public static final String ACCESS_KEY_ID = "mailsnap-test-access";
    public static final String SECRET_ACCESS_KEY = "mailsnap-test-secret";

    private final BlobStoreContext context;
    private final S3Proxy proxy;
    private final URI endpoint;

    private S3TestServer(BlobStoreContext context, S3Proxy proxy) {
        this.context = context;
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Starts a server on an ephemeral port of 127.0.0.1; throws if it is not serving when this returns. */
    public static S3TestServer start() throws Exception {
        quietLogging();
        BlobStoreContext context = ContextBuilder.newBuilder("transient")
                .credentials("unused", "unused")
                .buildView(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .build();
        try {
            proxy.start(); // Jetty's start returns once the connector listens
            if (!"STARTED".equals(proxy.getState()) || proxy.getPort() <= 0) {
                throw new IllegalStateException(
                        "s3proxy did not start: state " + proxy.getState() + ", port " + proxy.getPort());
            }
        } catch (Exception e) {
            proxy.stop();
            context.close();
            throw e;
        }
        return new S3TestServer(context, proxy);
    }

    /**
     * s3proxy brings logback, which logs everything at DEBUG when unconfigured: millions of lines from Jetty and
     * jclouds that slow the tests tenfold. Warnings and errors are kept. Where logback is not the binding (the CLI's
     * tests exclude it and bind slf4j-simple), its classes are not touched.
     */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory().getClass().getName().startsWith("ch.qos.logback.")) {
            Logback.warningsOnly();
        }
    }

    /** Loaded only where logback is the binding. */
    private static final class Logback {
        static void warningsOnly() {
            if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
                root.setLevel(Level.WARN);
            }
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The server's store, to look at or plant keys behind the S3 API's back. */
    public BlobStore blobStore() {
        return context.getBlobStore();
    }

    public void createBucket(String bucket) {
        blobStore().createContainerInLocation(null, bucket);
    }

    /** The location string of {@code bucket} with optional {@code keyPrefix}, for {@code Storages.open}. */
    public String location(String bucket, String keyPrefix) {
        return "s3:" + endpoint + "/" + bucket + (keyPrefix.isEmpty() ? "" : "/" + keyPrefix);
    }

    /** An environment holding the server's key pair, for {@code Storages.open(location, environment)}. */
    public Map<String, String> environment() {
        return Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID, "AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
    }

    /** Settings for {@code bucket} and {@code keyPrefix} with the server's key pair. */
    public S3Settings settings(String bucket, String keyPrefix) {
        return new S3Settings(endpoint, bucket, keyPrefix, S3Settings.DEFAULT_REGION, ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    }

    @Override
    public void close() throws IOException {
        try {
            proxy.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while stopping s3proxy");
        } catch (Exception e) {
            throw new IOException("cannot stop s3proxy at " + endpoint, e);
        } finally {
            context.close();
        }
    }
}
