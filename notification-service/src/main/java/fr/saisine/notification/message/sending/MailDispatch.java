package fr.saisine.notification.message.sending;

import java.util.List;

import org.springframework.context.SmartLifecycle;

/** The senders, started and stopped together, and woken together when a message is queued. */
public final class MailDispatch implements SmartLifecycle {

    private final List<MailSender> senders;

    MailDispatch(List<MailSender> senders) {
        this.senders = senders;
    }

    public void wakeUp() {
        senders.forEach(MailSender::wakeUp);
    }

    @Override
    public void start() {
        senders.forEach(MailSender::start);
    }

    @Override
    public void stop() {
        senders.forEach(MailSender::stop);
    }

    @Override
    public boolean isRunning() {
        return senders.stream().anyMatch(MailSender::isRunning);
    }
}
