package fr.saisine.ops.faults;

/**
 * How the fault suite hurts the running stack and heals it: the components are those of
 * ./saisine (kafka, mongodb, smtp, keycloak, intake, triage, notification).
 */
public interface StackControl {

    /** SIGKILL: no shutdown hook, no flush, as a crash or the kernel's OOM killer would. */
    void kill(String component);

    /** Starts it again and returns once it is ready (its probe answers). */
    void start(String component);

    /** SIGSTOP: the process holds its connections and answers nothing, as a stalled disk or VM would. */
    void pause(String component);

    /** SIGCONT. */
    void resume(String component);
}
