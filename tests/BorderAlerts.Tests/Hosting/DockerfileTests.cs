namespace BorderAlerts.Tests.Hosting;

/// <summary>
/// deploy/Dockerfile as a container runtime reads it: a new volume mounted at /data starts as the image's /data, so the
/// image must create that folder for the user the service runs as, before it switches to that user, or the default
/// SQLite store cannot be created in a fresh volume.
/// </summary>
public class DockerfileTests
{
    static readonly string[] Lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "../../../../../deploy/Dockerfile"));

    static int LineOf(Func<string, bool> test) => Array.FindIndex(Lines, line => test(line.Trim()));

    [Fact]
    public void The_data_volume_is_created_for_the_app_user_before_the_image_switches_to_it()
    {
        var runtime = LineOf(l => l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal));
        var created = LineOf(l => l.StartsWith("RUN ", StringComparison.Ordinal) && l.Contains("mkdir -p /data") && l.Contains("chown \"$APP_UID:$APP_UID\" /data"));
        var user = LineOf(l => l == "USER $APP_UID");
        var volume = LineOf(l => l == "VOLUME [\"/data\"]");

        Assert.True(runtime >= 0 && created > runtime, "the runtime stage creates /data");
        Assert.True(user > created, "as root, before USER $APP_UID");
        Assert.True(volume > created, "before the VOLUME is declared");
    }
}
