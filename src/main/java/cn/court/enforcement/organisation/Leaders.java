package cn.court.enforcement.organisation;

import java.util.Optional;

/** Who leads a unit or team; escalation notifies the leader of the late node's group. */
public interface Leaders {

  Optional<String> leaderOf(String groupId);
}
