package cn.court.enforcement.escalation;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Sends a notification to people or to the members of a group, over every registered channel. */
@Component
public class Notifier {

  private final List<NotificationSender> senders;
  private final IdentityService identity;

  public Notifier(List<NotificationSender> senders, IdentityService identity) {
    this.senders = senders;
    this.identity = identity;
  }

  public void toUsers(Collection<String> users, Notification message) {
    for (String user : new LinkedHashSet<>(users)) {
      senders.forEach(sender -> sender.send(message.to(user)));
    }
  }

  public void toGroups(Collection<String> groups, Notification message) {
    toUsers(membersOf(groups), message);
  }

  public Set<String> membersOf(Collection<String> groups) {
    Set<String> users = new LinkedHashSet<>();
    for (String group : groups) {
      identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).forEach(users::add);
    }
    return users;
  }
}
