package dev.copydesk.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fault tests check once the service is back (after a SIGKILL and restart, or after a
 * database outage): what was answered is there and consistent, and nothing is out of step.
 */
final class AfterTheFault {

    private final Desk desk;
    private final String moderator;

    AfterTheFault(Desk desk, String moderator) {
        this.desk = desk;
        this.moderator = moderator;
    }

    /**
     * Every comment answered 202 as held is there with its screening in the history and its moderation
     * task open: a moderator's approval is 200 (not 404, not 409). Approves them all.
     */
    void heldCommentsAreWaitingForAModerator(Collection<String> commentIds) throws Exception {
        for (String id : commentIds) {
            JsonNode history = desk.call("GET", "/api/moderation/comments/" + id + "/history", moderator, null, 200);
            assertThat(history.get("entries")).as("history of acknowledged comment %s", id).anySatisfy(entry -> {
                assertThat(entry.get("action").asText()).isEqualTo("SCREENED");
                assertThat(entry.get("toStatus").asText()).isEqualTo("PENDING");
            });
        }
        for (String id : commentIds) {
            assertThat(desk.approve(moderator, id).statusCode())
                    .as("acknowledged comment %s is waiting for a moderator", id).isEqualTo(200);
        }
    }

    /** Every decision answered 200 is there: deciding the comment again is 409. */
    void decisionsAreThere(Collection<String> commentIds) throws Exception {
        for (String id : commentIds) {
            assertThat(desk.approve(moderator, id).statusCode())
                    .as("comment %s was acknowledged as decided", id).isEqualTo(409);
        }
    }

    /**
     * Comments whose decision was not answered (in flight at the fault, or refused with 503) are
     * either decided or still decidable; approves those still pending and returns how many.
     */
    int unansweredAreDecidedOrDecidable(Collection<String> commentIds) throws Exception {
        int decidedNow = 0;
        for (String id : commentIds) {
            int status = desk.approve(moderator, id).statusCode();
            assertThat(status).as("comment %s is either decided or still decidable", id).isIn(200, 409);
            decidedNow += status == 200 ? 1 : 0;
        }
        return decidedNow;
    }

    /** The drift check (run now) finds no row out of step with the engine. */
    void nothingIsOutOfStepWithTheEngine() throws Exception {
        JsonNode drift = desk.call("POST", "/api/admin/drift", "admin", null, 200);
        assertThat(drift.get("total").asInt()).as("rows out of step with the engine: %s", drift).isZero();
    }

    /**
     * Every one of these approved comments' {@code comment.approved} webhook arrives, with exactly one
     * event id each (a redelivery of the same id would be allowed; a lost or a doubled event is not).
     */
    static void everyApprovalArrivesOnce(EventReceiver receiver, Collection<String> approved) {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> receiver.eventIdsBy("comment.approved", "commentId").keySet().containsAll(approved));
        Map<String, Set<String>> ids = receiver.eventIdsBy("comment.approved", "commentId");
        assertThat(approved).allSatisfy(comment -> assertThat(ids.get(comment))
                .as("event ids of the approval of %s", comment).hasSize(1));
    }
}
