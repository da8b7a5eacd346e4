package cn.court.enforcement.escalation;

/**
 * A channel that delivers notifications. The in-application store is always there; SMS or
 * e-mail are added as further Spring beans implementing this interface and receive every
 * notification too.
 */
public interface NotificationSender {

  void send(Notification notification);
}
