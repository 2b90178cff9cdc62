using ApimAiGateway.Cli;

return await ApimPolicyCli.RunAsync(args, Console.Out, Console.Error);
