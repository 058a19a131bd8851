/**
 * Storage on S3-compatible object stores (AWS S3, MinIO, Ceph RGW, Garage, s3proxy) through the AWS SDK v2; the
 * only package that sees the SDK.
 *
 * <p>Terms: the <em>endpoint</em> ({@code http(s)://host[:port]}), the <em>bucket</em>, and an optional <em>key
 * prefix</em>: object {@code data/3f/3f2a} is key {@code <prefix>/data/3f/3f2a}. Requests are path-style
 * ({@code endpoint/bucket/key}), signed with AWS signature v4 for the configured region, and sent with the JDK's
 * HttpURLConnection (no extra HTTP stack).
 *
 * <p>How the contract maps: put is one PutObject with Content-MD5 (atomic on S3: readers see the old or the new
 * object); get and getRange are GetObject, the latter with a {@code Range} header whose answer must have exactly the
 * asked length; size and exists are HeadObject; list is ListObjectsV2 followed page by page, skipping keys that are
 * not object names; delete is DeleteObject, which S3 answers the same for a missing key. Errors name bucket and key:
 * 404 is {@link org.mailsnap.storage.NoSuchObjectException} (a missing bucket is its own message), 403 says to check
 * the credentials, a refused connection says the endpoint cannot be reached.
 *
 * <p>Users need {@link org.mailsnap.storage.s3.S3Storage#open(org.mailsnap.storage.s3.S3Settings)}, or just
 * {@code Storages.open("s3:…")}.
 */
package org.mailsnap.storage.s3;
