# Multi-stage build of both hosts. Targets: `api` and `projector`; both run as the image's non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Api/SolarEvents.Api.csproj -c Release -o /out/api \
 && dotnet publish src/Projections/SolarEvents.Projections.csproj -c Release -o /out/projector

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS api
WORKDIR /app
COPY --from=build /out/api .
USER app
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "SolarEvents.Api.dll"]

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS projector
WORKDIR /app
COPY --from=build /out/projector .
USER app
ENTRYPOINT ["dotnet", "SolarEvents.Projections.dll"]
