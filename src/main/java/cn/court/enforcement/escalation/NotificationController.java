package cn.court.enforcement.escalation;

import cn.court.enforcement.security.ApiRefusal;
import cn.court.enforcement.security.CurrentStaff;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The current user's notifications. */
@RestController
@RequestMapping("/api/notifications")
public class NotificationController {

  private final InAppNotifications notifications;
  private final CurrentStaff currentUser;

  public NotificationController(InAppNotifications notifications, CurrentStaff currentUser) {
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  @GetMapping
  public List<InAppNotifications.Stored> mine(@RequestParam(defaultValue = "false") boolean unread) {
    return notifications.of(currentUser.required().getUserId(), unread);
  }

  @PostMapping("/{id}/read")
  public ResponseEntity<Void> read(@PathVariable long id) {
    if (!notifications.markRead(id, currentUser.required().getUserId())) {
      throw new ApiRefusal(HttpStatus.NOT_FOUND, "找不到该通知。");
    }
    return ResponseEntity.noContent().build();
  }
}
