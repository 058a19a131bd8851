package org.mailsnap.storage.s3;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Removes the {@code Expect: 100-continue} header the SDK puts on every PUT. With the JDK's HttpURLConnection an
 * early error answer (403, 404) to such a request can leave a pooled connection broken, so that the next PUT fails
 * with "Error writing request body to server" instead of the server's answer. Our objects are at most a few tens of
 * MiB and a PUT that fails is rare, so sending the body at once costs little.
 */
final class NoExpectContinue implements ExecutionInterceptor {
    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest request = context.httpRequest();
        if (request.firstMatchingHeader("Expect").isEmpty()) {
            return request;
        }
        return request.toBuilder().removeHeader("Expect").build();
    }
}
