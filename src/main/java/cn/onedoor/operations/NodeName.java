package cn.onedoor.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name a node's job executor locks jobs with ({@code LOCK_OWNER_}): {@code onedoor.node-name}
 * when set, else host, process id and a short random part (the engine's own is a bare UUID). So
 * {@code /actuator/health}'s {@code jobLocks.heldBy} ({@link JobLocksHealthIndicator}) says which
 * machine and process held the jobs of a node that no longer answers. A restarted node gets a new
 * name unless one is set; either way its old locks simply run out.
 */
@Component
class NodeName extends AbstractProcessEnginePlugin {

  private final String name;

  NodeName(@Value("${onedoor.node-name:}") String configured) {
    this.name = configured.isBlank() ? defaultName() : configured;
  }

  String name() {
    return name;
  }

  private static String defaultName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException unknown) {
      host = "unknown-host";
    }
    return host
        + "/"
        + ProcessHandle.current().pid()
        + "/"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** After the starter's own plugin has created the job executor, before it starts. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(name);
    }
  }
}
