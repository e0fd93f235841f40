using SolarEvents.Compliance;

return await ComplianceCli.RunAsync(args, Console.Out, Console.Error);
