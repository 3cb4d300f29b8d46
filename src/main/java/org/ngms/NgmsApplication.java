package org.ngms;


import org.ngms.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One jar, two uses: with no arguments (or only Spring options, {@code --name=value}) it runs the service; with
 * anything else it runs the offline command line ({@code validate}, ...; an unknown command is its usage and exit
 * 2), without starting Spring or a database.
 */
@SpringBootApplication
public class NgmsApplication {

    public static void main(String[] args) {
        if (Cli.isCommandLine(args)) {
            System.exit(Cli.run(args));
        }
        SpringApplication.run(NgmsApplication.class, args);
    }

}
