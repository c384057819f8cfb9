package dev.copydesk.articles.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.copydesk.accounts.StaffMember;
import dev.copydesk.articles.ArticleDesk;
import dev.copydesk.articles.ArticleViews.ReviewItem;

/** The editors' review queue. */
@Tag(name = "articles")
@RestController
class ReviewController {

    private final ArticleDesk desk;

    ReviewController(ArticleDesk desk) {
        this.desk = desk;
    }

    @Operation(operationId = "listReviews", summary = "List the review queue",
            description = "EDITOR only. Open reviews, oldest first, with their due time.")
    @GetMapping("/api/reviews")
    List<ReviewItem> reviews(@AuthenticationPrincipal StaffMember me,
            @RequestParam(required = false) String section) {
        return desk.reviews(me, section);
    }
}
