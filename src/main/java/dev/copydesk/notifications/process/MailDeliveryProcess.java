package dev.copydesk.notifications.process;

/** The ids of {@code processes/mail-delivery.bpmn}. */
public final class MailDeliveryProcess {

    public static final String KEY = "mail-delivery";
    public static final String START_EVENT_MAIL_QUEUED = "StartEvent_MailQueued";
    public static final String TASK_SEND_MAIL = "Task_SendMail";
    public static final String END_EVENT_MAIL_DONE = "EndEvent_MailDone";
    /** Process variable: the id of the stored mail (the business key too). */
    public static final String VAR_MAIL_DELIVERY_ID = "mailDeliveryId";

    private MailDeliveryProcess() {
    }
}
