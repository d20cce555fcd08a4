package com.mileotech.cyber.security;

import java.util.List;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyDigitRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLowerCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicySpecialCharacterRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUpperCaseRuleImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * GUID-PREM-003 §03: at least 12 characters with complexity imposed. The engine's default asks
 * for 10; the rules are the engine's own so that Admin shows their translated messages.
 */
public class MileoPasswordPolicy implements PasswordPolicy {

  public static final int MIN_LENGTH = 12;

  private final List<PasswordPolicyRule> rules = List.of(
      new PasswordPolicyUserDataRuleImpl(),
      new PasswordPolicyLengthRuleImpl(MIN_LENGTH),
      new PasswordPolicyLowerCaseRuleImpl(1),
      new PasswordPolicyUpperCaseRuleImpl(1),
      new PasswordPolicyDigitRuleImpl(1),
      new PasswordPolicySpecialCharacterRuleImpl(1));

  @Override
  public List<PasswordPolicyRule> getRules() {
    return rules;
  }
}
