package com.mileotech.cyber.security;

import com.mileotech.cyber.system.EngineApiExtension;
import com.mileotech.cyber.system.EnginePaths;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * POST /job/{id}/execute runs a job by hand: a failed one, or one already due, may be run (Cockpit's
 * retry), a timer ahead of its due date may not. A reminder fired early, or an escalation that
 * records a deadline missed before it is, would falsify the record. Checked before Camunda's
 * resource runs: a refusal inside the job's command counts as the job's failure (one retry less).
 * A job the caller cannot see is left to Camunda (the answer of an unknown id).
 */
@Component
public class JobRunsByHand implements ContainerRequestFilter, EngineApiExtension {

  static final Pattern EXECUTE = Pattern.compile("(?:^|.*/)job/([^/]+)/execute/?$");

  @Override
  public void filter(ContainerRequestContext request) {
    if (!"POST".equals(request.getMethod())) {
      return;
    }
    Matcher execute = EXECUTE.matcher(EnginePaths.of(request));
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
    if (!execute.matches() || engine == null) {
      return;
    }
    Job job = engine.getManagementService().createJobQuery().jobId(execute.group(1)).singleResult();
    if (job != null && job.getDuedate() != null && job.getRetries() > 0 && job.getExceptionMessage() == null
        && job.getDuedate().after(ClockUtil.getCurrentTime())) {
      ExceptionDto dto = new ExceptionDto();
      dto.setType("Refusal");
      dto.setMessage(SubmissionGuard.JOBS);
      request.abortWith(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(dto)
          .build());
    }
  }
}
