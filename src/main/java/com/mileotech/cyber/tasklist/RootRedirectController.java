package com.mileotech.cyber.tasklist;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The application's address opens Tasklist, where the users work (and which speaks French). */
@Controller
class RootRedirectController {

  @GetMapping("/")
  String root() {
    return "redirect:/camunda/app/tasklist/";
  }
}
