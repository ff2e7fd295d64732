return await BorderAlerts.Cli.CliApp.RunAsync(args);
