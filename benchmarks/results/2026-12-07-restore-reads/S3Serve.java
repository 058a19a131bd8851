import org.mailsnap.storage.s3.S3TestServer;
public class S3Serve {
    public static void main(String[] a) throws Exception {
        S3TestServer s3 = S3TestServer.start();
        s3.createBucket("backups");
        System.out.println(s3.location("backups", "mail"));
        System.out.println(s3.environment());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
