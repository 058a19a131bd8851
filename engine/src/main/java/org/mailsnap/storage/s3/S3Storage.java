package org.mailsnap.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.mailsnap.storage.FileSpool;
import org.mailsnap.storage.NoSuchObjectException;
import org.mailsnap.storage.ObjectInfo;
import org.mailsnap.storage.ObjectNames;
import org.mailsnap.storage.SpooledObject;
import org.mailsnap.storage.Storage;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, Garage, s3proxy), object {@code data/3f/…} under
 * key {@code <prefix>/data/3f/…}. Path-style requests to a custom endpoint, one PUT per object (a PUT is atomic on
 * S3), ranged GETs, paginated listings. Every PUT carries a Content-MD5, so the server rejects a body damaged in
 * transit. Checksums beyond that are only sent when an operation requires them: the newer default (CRC trailers in
 * chunked uploads) is not understood by many S3-compatible servers. Thread-safe.
 */
public final class S3Storage implements Storage {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private final S3Settings settings;
    private final S3Client client;
    private final S3Errors errors;

    private S3Storage(S3Settings settings, S3Client client) {
        this.settings = settings;
        this.client = client;
        this.errors = new S3Errors(settings);
    }

    /** A storage for {@code settings}; no request is made until the first operation. Close it to free the client. */
    public static S3Storage open(S3Settings settings) {
        S3Client client = S3Client.builder()
                .endpointOverride(settings.endpoint())
                .forcePathStyle(true)
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(configuration -> configuration.addExecutionInterceptor(new NoExpectContinue()))
                .build();
        return new S3Storage(settings, client);
    }

    /** Where and how this storage connects. */
    public S3Settings settings() {
        return settings;
    }

    @Override
    public void put(String name, byte[] data) throws IOException {
        String key = keyOf(name);
        try {
            client.putObject(
                    request -> request.bucket(settings.bucket())
                            .key(key)
                            .contentLength((long) data.length)
                            .contentMD5(md5Base64(data)),
                    RequestBody.fromBytes(data));
        } catch (S3Exception e) {
            throw errors.translate(e, "write", name);
        } catch (SdkException e) {
            throw errors.translate(diagnose(e), "write", name);
        }
    }

    /**
     * An unnamed file in the JVM's temporary directory, uploaded in one PUT when published: packs are built there
     * rather than in memory, and a killed run leaves no file behind. Its bytes are encrypted, as every object's.
     */
    @Override
    public SpooledObject spool(String directory) throws IOException {
        ObjectNames.checkPrefix(directory);
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        return FileSpool.unnamed(
                temporary,
                this::upload,
                e -> new IOException(
                        "cannot write a temporary file in " + temporary + " for a new object of " + location() + ": "
                                + e.getMessage(),
                        e));
    }

    private void upload(String name, FileChannel channel, Path unnamed, long size) throws IOException {
        String key = keyOf(name);
        String md5 = md5Base64(channel, size);
        try {
            client.putObject(
                    request -> request.bucket(settings.bucket())
                            .key(key)
                            .contentLength(size)
                            .contentMD5(md5),
                    RequestBody.fromContentProvider(
                            () -> FileSpool.stream(channel, size), size, "application/octet-stream"));
        } catch (S3Exception e) {
            throw errors.translate(e, "write", name);
        } catch (SdkException e) {
            throw errors.translate(diagnose(e), "write", name);
        }
    }

    /**
     * A server that refuses a PUT (bad credentials, no bucket) may answer before reading the body and close the
     * connection; the client then only sees "Error writing request body". A one-key listing gets the real answer.
     */
    private SdkException diagnose(SdkException putFailure) {
        try {
            client.listObjectsV2(request ->
                    request.bucket(settings.bucket()).prefix(settings.keyOf("")).maxKeys(1));
        } catch (S3Exception refusal) {
            refusal.addSuppressed(putFailure);
            return refusal;
        } catch (SdkException unrelated) {
            putFailure.addSuppressed(unrelated);
        }
        return putFailure;
    }

    @Override
    public byte[] get(String name) throws IOException {
        String key = keyOf(name);
        return request(
                "read",
                name,
                () -> client.getObjectAsBytes(
                                request -> request.bucket(settings.bucket()).key(key))
                        .asByteArrayUnsafe());
    }

    @Override
    public byte[] getRange(String name, long offset, int length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("bad range of " + name + ": offset " + offset + ", length " + length);
        }
        if (length == 0) {
            // HTTP cannot ask for an empty range; the object must still exist and be long enough.
            long size = size(name);
            if (offset > size) {
                throw rangeError(name, size, offset, length);
            }
            return new byte[0];
        }
        String key = keyOf(name);
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        ResponseBytes<GetObjectResponse> response;
        try {
            response = client.getObjectAsBytes(
                    request -> request.bucket(settings.bucket()).key(key).range(range));
        } catch (SdkException e) {
            if (e instanceof S3Exception s3 && s3.statusCode() == 416) {
                throw rangeError(name, size(name), offset, length);
            }
            throw errors.translate(e, "read", name);
        }
        byte[] bytes = response.asByteArrayUnsafe();
        if (bytes.length != length) {
            // S3 answers a range that runs past the end with the bytes it has.
            throw rangeError(name, offset + bytes.length, offset, length);
        }
        return bytes;
    }

    /**
     * A request per megabyte of pack rather than one per blob: each request is a round trip, and priced
     * (one mailbox's restore: 6,496 requests before, 152 so; benchmarks/results/2026-12-07-restore-reads).
     */
    @Override
    public int readAheadBytes() {
        return 1 << 20;
    }

    @Override
    public long size(String name) throws IOException {
        String key = keyOf(name);
        return request(
                "read the size of",
                name,
                () -> client.headObject(
                                request -> request.bucket(settings.bucket()).key(key))
                        .contentLength());
    }

    @Override
    public boolean exists(String name) throws IOException {
        try {
            size(name);
            return true;
        } catch (NoSuchObjectException e) {
            return false;
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        ObjectNames.checkPrefix(prefix);
        String listed = settings.keyOf(prefix);
        int strip = settings.keyPrefix().isEmpty() ? 0 : settings.keyPrefix().length() + 1;
        List<ObjectInfo> objects = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(
                            request -> request.bucket(settings.bucket()).prefix(listed))
                    .contents()) {
                String name = object.key().substring(strip);
                if (ObjectNames.isObjectName(name)) {
                    objects.add(new ObjectInfo(name, object.size()));
                }
            }
        } catch (SdkException e) {
            throw errors.translate(e, "list", prefix + "*");
        }
        return objects;
    }

    @Override
    public void delete(String name) throws IOException {
        String key = keyOf(name);
        request(
                "delete",
                name,
                () -> client.deleteObject(
                        request -> request.bucket(settings.bucket()).key(key)));
    }

    /** One request to S3; its failure becomes the storage's error for doing {@code what} to {@code name}. */
    private <T> T request(String what, String name, Supplier<T> call) throws IOException {
        try {
            return call.get();
        } catch (SdkException e) {
            throw errors.translate(e, what, name);
        }
    }

    @Override
    public String location() {
        return settings.location();
    }

    @Override
    public void close() {
        client.close();
    }

    private String keyOf(String name) {
        return settings.keyOf(ObjectNames.check(name));
    }

    private IOException rangeError(String name, long size, long offset, int length) {
        return new IOException(location() + ": object " + name + " has " + size + " bytes, cannot read " + length
                + " at offset " + offset + " (truncated object?)");
    }

    private static String md5Base64(FileChannel channel, long size) throws IOException {
        MessageDigest md5 = md5();
        byte[] slice = new byte[256 * 1024];
        try (InputStream in = FileSpool.stream(channel, size)) {
            for (int read; (read = in.read(slice)) >= 0; ) {
                md5.update(slice, 0, read);
            }
        }
        return Base64.getEncoder().encodeToString(md5.digest());
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static String md5Base64(byte[] data) {
        return Base64.getEncoder().encodeToString(md5().digest(data));
    }
}
