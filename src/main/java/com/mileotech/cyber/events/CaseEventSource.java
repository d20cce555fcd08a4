package com.mileotech.cyber.events;

import com.mileotech.cyber.system.Published;

/**
 * An application event of another feature that is also a step subscribers follow (e.g. the
 * evidence feature's "evidence added"): implement it and publish the event as usual, in the
 * step's transaction; {@link CaseEventListener} turns it into a webhook event.
 */
@Published
public interface CaseEventSource {

  /** This event as subscribers see it. */
  CaseEvent caseEvent();
}
