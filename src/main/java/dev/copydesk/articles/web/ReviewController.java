package dev.copydesk.articles.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.accounts.StaffMember;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.ArticleViews.ReviewItem;

/** The editors' review queue. */
@RestController
class ReviewController {

    private final ArticleDesk desk;

    ReviewController(ArticleDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/api/reviews")
    List<ReviewItem> reviews(@AuthenticationPrincipal StaffMember me,
            @RequestParam(required = false) String section) {
        return desk.reviews(me, section);
    }
}
