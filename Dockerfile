# Builds the application jar and runs it on a JRE (used by docker-compose.yml). The court's files are not in
# the image: mount a folder with organisation.yml, time-limits.yml and cn-holidays.json at /app/config.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
# curl for the container's health check.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /app court && mkdir -p /app/config /app/logs && chown court /app/logs
WORKDIR /app
COPY --from=build /src/target/enforcement-bureau-*.jar /app/app.jar
ENV COURT_ORGANISATION_FILE=file:/app/config/organisation.yml \
    COURT_CALENDAR_HOLIDAYS=file:/app/config/cn-holidays.json \
    COURT_CALENDAR_TIMELIMITS=file:/app/config/time-limits.yml
USER court
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
