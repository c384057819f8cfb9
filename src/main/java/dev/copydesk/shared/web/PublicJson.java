package dev.copydesk.shared.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import dev.copydesk.shared.PublicReadCache;
import dev.copydesk.shared.PublicReadCaches;

/**
 * Serves anonymous reads from a {@link PublicReadCache} of finished JSON: a hit costs neither a
 * transaction nor Jackson. Every answer carries a strong {@code ETag} (a hash of the body) and
 * {@code Cache-Control: no-cache}, so browsers and a CDN may keep a copy but must revalidate it,
 * which costs a {@code 304} without a body while the article and its thread are unchanged.
 */
@Component
public class PublicJson {

    private final ObjectMapper json;
    private final PublicReadCaches caches;

    PublicJson(ObjectMapper json, PublicReadCaches caches) {
        this.json = json;
        this.caches = caches;
    }

    /** A cache of finished responses for one kind of public read. */
    public PublicReadCache<Body> cache() {
        return caches.create(body -> body.bytes().length + body.etag().length() * 2);
    }

    /**
     * The response for this article and variant: from the cache, or from {@code load} (whose
     * exceptions, a 404 for instance, pass through and are not cached).
     */
    public ResponseEntity<byte[]> respond(PublicReadCache<Body> cache, String slug, String variant, String ifNoneMatch,
            Supplier<?> load) {
        Body body = cache.get(slug, variant, () -> write(load.get()));
        if (ifNoneMatch != null && (ifNoneMatch.contains(body.etag()) || ifNoneMatch.strip().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(body.etag()).cacheControl(CacheControl.noCache())
                    .build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(body.etag())
                .cacheControl(CacheControl.noCache()).body(body.bytes());
    }

    private Body write(Object value) {
        try {
            byte[] bytes = json.writeValueAsBytes(value);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Body(bytes, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A finished JSON body (UTF-8) and its entity tag. */
    public record Body(byte[] bytes, String etag) {
    }
}
