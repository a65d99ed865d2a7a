package cn.onedoor;

import cn.onedoor.deadline.DeadlineService;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OneDoorApplication {

  public static void main(String[] args) {
    // The engine reads a few settings in the JVM's own time zone, above all the history cleanup's
    // window (01:00-05:00 in application.yaml, meant as Beijing night); on a server or container
    // left in UTC it would run at 09:00-13:00 Beijing, in the middle of the working day. The county
    // works in Beijing time, and every test runs in it (pom.xml's argLine).
    TimeZone.setDefault(TimeZone.getTimeZone(DeadlineService.ZONE));
    SpringApplication.run(OneDoorApplication.class, args);
  }
}
