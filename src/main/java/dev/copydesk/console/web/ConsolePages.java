package dev.copydesk.console.web;

import java.net.URI;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's two HTML pages: the login form and the single page that holds every screen (the
 * screens are chosen by the URL's fragment, so a reload stays where it was). Scripts and styles
 * are plain static resources beside them. Login, logout and who may see what are Spring Security's.
 */
@RestController
class ConsolePages {

    private static final Resource APP = new ClassPathResource("static/console/index.html");
    private static final Resource LOGIN = new ClassPathResource("static/console/login.html");

    /** Without the slash the page's relative addresses would point one level up. */
    @GetMapping("/console")
    ResponseEntity<Void> slash() {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("/console/")).build();
    }

    @GetMapping("/console/")
    ResponseEntity<Resource> app() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(APP);
    }

    @GetMapping("/console/login")
    ResponseEntity<Resource> login() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(LOGIN);
    }
}
