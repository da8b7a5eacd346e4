# Builds the application jar and runs it on a JRE (used by docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
COPY config config
RUN mvn -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --home /app court
WORKDIR /app
COPY --from=build /src/target/enforcement-bureau-*.jar /app/app.jar
USER court
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
