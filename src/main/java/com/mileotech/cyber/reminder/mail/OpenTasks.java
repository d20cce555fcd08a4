package com.mileotech.cyber.reminder.mail;

/** Whether a task is still open, asked at delivery: a reminder whose task is done is not sent. */
@FunctionalInterface
public interface OpenTasks {

  boolean isOpen(String taskId);
}
