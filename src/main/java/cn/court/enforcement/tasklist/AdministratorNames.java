package cn.court.enforcement.tasklist;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The built-in administrators in Chinese in every webapp. The starter creates the group
 * {@code camunda-admin} as "camunda BPM Administrators" and fills a blank first or last name of
 * the administrator with the capitalised login ("系统管理员 Admin"); those fillers become 系统管理员
 * and nothing. Names an administrator gave in Admin are left alone. Runs right after the
 * starter's admin-user set-up (order 0).
 */
@Component
@Order(Ordering.DEFAULT_ORDER + 1)
public class AdministratorNames extends AbstractProcessEnginePlugin {

  static final String NAME = "系统管理员";
  static final String STARTER_GROUP_NAME = "camunda BPM Administrators";

  private final CamundaBpmProperties properties;

  public AdministratorNames(CamundaBpmProperties properties) {
    this.properties = properties;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    Group group = identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).singleResult();
    if (group != null && STARTER_GROUP_NAME.equals(group.getName())) {
      group.setName(NAME);
      identity.saveGroup(group);
    }
    AdminUserProperty admin = properties.getAdminUser();
    User user = admin == null || admin.getId() == null ? null
        : identity.createUserQuery().userId(admin.getId()).singleResult();
    if (user == null) {
      return;
    }
    String filler = StringUtils.capitalize(user.getId());
    boolean firstFilled = filler.equals(user.getFirstName());
    boolean lastFilled = filler.equals(user.getLastName());
    if (firstFilled || lastFilled) {
      user.setFirstName(firstFilled ? NAME : user.getFirstName());
      user.setLastName(lastFilled ? "" : user.getLastName());
      identity.saveUser(user);
    }
  }
}
