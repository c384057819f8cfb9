package dev.copydesk.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;

/**
 * The Camunda web apps keep their runtime delegates in JVM-wide statics, set when a web
 * application starts and cleared when one stops. Production runs one application per JVM; the test
 * JVM keeps many Spring contexts, and closing any of them (the context cache evicting one) leaves the
 * others' Cockpit and Admin APIs answering 500. A test that calls those APIs sets them again first;
 * the delegates look engines up by name, so they serve every context alike.
 */
public final class CamundaWebapps {

    private CamundaWebapps() {
    }

    public static void restoreRuntimeDelegates() {
        if (Cockpit.getRuntimeDelegate() == null) {
            Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
        }
        if (Admin.getRuntimeDelegate() == null) {
            Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
        }
        if (Tasklist.getRuntimeDelegate() == null) {
            Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
        }
    }
}
