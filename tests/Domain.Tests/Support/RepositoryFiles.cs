namespace SolarEvents.Domain.Tests.Support;

/// <summary>Finds files of the checkout from wherever the test runner put the binaries.</summary>
public static class RepositoryFiles
{
    public static string ReadAllText(string relativePath) => File.ReadAllText(Path.Combine(Root(), relativePath));

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SolarEvents.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"No SolarEvents.sln above {AppContext.BaseDirectory}.");
    }
}
