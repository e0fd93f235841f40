namespace SolarEvents.Architecture.Tests;

/// <summary>The checkout these tests run from: the nearest directory above the test binaries holding SolarEvents.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SolarEvents.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("SolarEvents.sln not found above the test's directory.");
    }
}
