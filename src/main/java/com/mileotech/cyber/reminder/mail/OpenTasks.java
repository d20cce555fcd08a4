package com.mileotech.cyber.reminder.mail;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** Whether a task is still open, asked at delivery: a reminder whose task is done is not sent. */
@FunctionalInterface
public interface OpenTasks {

  boolean isOpen(String taskId);

  /** Which of these tasks are open; one question for a whole delivery round where the source allows it. */
  default Set<String> openOf(Collection<String> taskIds) {
    return taskIds.stream().filter(this::isOpen).collect(Collectors.toSet());
  }
}
