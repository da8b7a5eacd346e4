package cn.court.enforcement.escalation;

import cn.court.enforcement.security.ApiRefusal;
import cn.court.enforcement.security.CurrentStaff;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The current user's notifications: over REST ({@code /api}, HTTP Basic) and for Tasklist's 提醒
 * in the header under the webapps' own path, where Camunda's filters authenticate the request by
 * the webapp login and check its CSRF token.
 */
@RestController
@RequestMapping({"/api/notifications", NotificationController.WEBAPP_PATH})
public class NotificationController {

  static final String WEBAPP_PATH = "/camunda/api/court/notifications";

  private final InAppNotifications notifications;
  private final CurrentStaff currentUser;

  public NotificationController(InAppNotifications notifications, CurrentStaff currentUser) {
    this.notifications = notifications;
    this.currentUser = currentUser;
  }

  /** Newest first; {@code limit} caps the list (Tasklist shows the latest few). */
  @GetMapping
  public List<InAppNotifications.Stored> mine(@RequestParam(defaultValue = "false") boolean unread,
      @RequestParam(required = false) Integer limit) {
    if (limit != null && limit < 1) {
      throw new ApiRefusal(HttpStatus.BAD_REQUEST, "参数 limit 须为正整数。");
    }
    return notifications.of(currentUser.required().getUserId(), unread, limit);
  }

  @GetMapping("/unread-count")
  public Map<String, Integer> unreadCount() {
    return Map.of("unread", notifications.unreadCount(currentUser.required().getUserId()));
  }

  @PostMapping("/{id}/read")
  public ResponseEntity<Void> read(@PathVariable long id) {
    if (!notifications.markRead(id, currentUser.required().getUserId())) {
      throw new ApiRefusal(HttpStatus.NOT_FOUND, "找不到该通知。");
    }
    return ResponseEntity.noContent().build();
  }
}
