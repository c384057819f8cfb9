package dev.copydesk.accounts.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.copydesk.accounts.Role;
import dev.copydesk.support.CopydeskIntegrationTest;
import dev.copydesk.support.StaffFixtures;
import dev.copydesk.support.StaffFixtures.Staff;

import static org.assertj.core.api.Assertions.assertThat;

@CopydeskIntegrationTest
class AccountsIdentityIntegrationTests {

    @Autowired
    StaffFixtures staff;

    @Autowired
    IdentityService identityService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Test
    void engineSeesAccountsAsUsersAndRolesAsGroups() {
        Staff editor = staff.create(Role.EDITOR, Role.WRITER);
        String username = editor.member().username();

        User user = identityService.createUserQuery().userId(username).singleResult();
        assertThat(user.getFirstName()).isEqualTo(editor.member().displayName());
        assertThat(identityService.createUserQuery().memberOfGroup("EDITOR").list())
                .extracting(User::getId).contains(username);
        assertThat(identityService.createUserQuery().memberOfGroup("MODERATOR").list())
                .extracting(User::getId).doesNotContain(username);
        assertThat(identityService.createGroupQuery().groupMember(username).list())
                .extracting(Group::getId).containsExactlyInAnyOrder("EDITOR", "WRITER");
        // The engine never verifies passwords: that would be an unthrottled oracle (docs/security.md).
        assertThat(identityService.checkPassword(username, StaffFixtures.PASSWORD)).isFalse();
        assertThat(identityService.checkPassword(username, "wrong")).isFalse();
    }

    @Test
    void groupTaskIsOfferedToHoldersOfTheRoleOnly() {
        Staff editor = staff.create(Role.EDITOR);
        Staff moderator = staff.create(Role.MODERATOR);
        BpmnModelInstance model = Bpmn.createExecutableProcess("identity-probe")
                .camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_ForEditors").camundaCandidateGroups("EDITOR").endEvent().done();
        repositoryService.createDeployment().addModelInstance("identity-probe.bpmn", model).deploy();
        String instance = runtimeService.startProcessInstanceByKey("identity-probe").getId();

        assertThat(taskService.createTaskQuery().processInstanceId(instance)
                .taskCandidateUser(editor.member().username()).count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceId(instance)
                .taskCandidateUser(moderator.member().username()).count()).isZero();
    }
}
