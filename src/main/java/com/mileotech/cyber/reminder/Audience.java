package com.mileotech.cyber.reminder;

import com.mileotech.cyber.system.Published;

/** Whom a message is for, resolved against the process's client and the identity service. */
@Published
public enum Audience {
  /** The assignee of the task the deadline is attached to, or else its candidate users and groups. */
  TASK_PEOPLE,
  /** Mileo's cybersecurity referent(s). */
  CYBER_REFERENT,
  /** Mileo's project managers. */
  PROJECT_MANAGERS,
  /** Mileo's technicians. */
  TECHNICIANS,
  /** The RSSI contacts of the process's client, and only that client. */
  CLIENT_RSSI,
  /** The groups the deadline's rule escalates to (mileo.deadlines.*.escalate-to). */
  ESCALATION_GROUPS,
  /** The administrators (security alerts). */
  ADMINISTRATORS
}
