package org.ngms;


import org.ngms.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One jar, two uses: with no arguments (or Spring options) it runs the service; with a command ({@code validate},
 * ...) it runs that command offline, without starting Spring or a database.
 */
@SpringBootApplication
public class NgmsApplication {

    public static void main(String[] args) {
        if (args.length > 0 && Cli.COMMANDS.contains(args[0])) {
            System.exit(Cli.run(args));
        }
        SpringApplication.run(NgmsApplication.class, args);
    }

}
