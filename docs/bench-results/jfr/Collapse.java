import java.nio.file.Path;
import jdk.jfr.consumer.*;
import java.io.*;
/**
 * jdk.ExecutionSample events of a recording as lines: start instant \t thread \t frame;frame;... (top first).
 * A second argument names another event type with a sampled thread and a stack, e.g.
 * jdk.NativeMethodSample (threads waiting in native code: a file sync, a socket read).
 */
public class Collapse {
  public static void main(String[] a) throws Exception {
    String type = a.length > 1 ? a[1] : "jdk.ExecutionSample";
    try (RecordingFile f = new RecordingFile(Path.of(a[0]));
         PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out), 1 << 16))) {
      while (f.hasMoreEvents()) {
        RecordedEvent e = f.readEvent();
        if (!e.getEventType().getName().equals(type)) continue;
        RecordedThread t = e.getThread("sampledThread");
        StringBuilder sb = new StringBuilder();
        sb.append(e.getStartTime()).append('\t').append(t == null ? "" : t.getJavaName()).append('\t');
        RecordedStackTrace st = e.getStackTrace();
        if (st != null) {
          boolean first = true;
          for (RecordedFrame fr : st.getFrames()) {
            if (!first) sb.append(';');
            first = false;
            sb.append(fr.getMethod().getType().getName()).append('.').append(fr.getMethod().getName());
          }
        }
        out.println(sb);
      }
    }
  }
}
